// The columns of a list's rows that a query's selection reads, so that a page
// reads only those from the database.
//
// A transaction row has 17 columns and the dashboard shows 10 of them; reading,
// decoding and keeping the other 7 for each of 2,000 transactions (and 7 of 15
// for each entry) was a fifth of the four-level read's CPU. Each field says
// what it reads of its parent row: an exposed field its own column (Pothos marks
// it), any other field the columns it names with `reads(...)`. A field that
// says nothing may read anything, so a selection holding one reads whole rows:
// a field added without `reads` costs speed, never a missing value.
import { Kind, getNamedType, isObjectType, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The extension naming the parent row's columns a field's resolver reads. */
export const ROW_COLUMNS = 'rowColumns';

/** A field's extensions: its resolver reads these columns of its parent row (none: `reads()`). */
export function reads(...columns: string[]): { [ROW_COLUMNS]: readonly string[] } {
  return { [ROW_COLUMNS]: columns };
}

/** By the field's nodes: every parent of one nested field shares them (and the answer). */
const connectionAnswers = new WeakMap<readonly FieldNode[], readonly string[] | null>();
const objectAnswers = new WeakMap<readonly FieldNode[], readonly string[] | null>();

/**
 * The columns of the node rows a connection field's selection reads (under `nodes` and
 * `edges { node }`), or null when a selected field does not say which it reads: then whole rows.
 */
export function connectionRowColumns(info: GraphQLResolveInfo): readonly string[] | null {
  let answer = connectionAnswers.get(info.fieldNodes);
  if (answer === undefined) {
    const connection = getNamedType(info.returnType);
    const nodesField = isObjectType(connection) ? connection.getFields().nodes : undefined;
    const nodeType = nodesField && getNamedType(nodesField.type);
    answer = nodeType && isObjectType(nodeType) ? selectedColumns(info, nodeType, 'connection') : null;
    connectionAnswers.set(info.fieldNodes, answer);
  }
  return answer;
}

/** The columns of the row an object field's selection reads, or null (whole row) as above. */
export function objectRowColumns(info: GraphQLResolveInfo): readonly string[] | null {
  let answer = objectAnswers.get(info.fieldNodes);
  if (answer === undefined) {
    const type = getNamedType(info.returnType);
    answer = isObjectType(type) ? selectedColumns(info, type, 'object') : null;
    objectAnswers.set(info.fieldNodes, answer);
  }
  return answer;
}

function selectedColumns(info: GraphQLResolveInfo, nodeType: GraphQLObjectType, shape: 'connection' | 'object'): readonly string[] | null {
  const columns = new Set<string>();
  // Walks a selection set, fragments included, calling `onField` for each field; false stops.
  const walk = (set: SelectionSetNode | undefined, onField: (field: FieldNode) => boolean): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (!onField(selection)) return false;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!walk(selection.selectionSet, onField)) return false;
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && !walk(fragment.selectionSet, onField)) return false;
      }
    }
    return true;
  };
  const onNodeField = (field: FieldNode) => {
    const name = field.name.value;
    if (name === '__typename') return true;
    if (!nodeType.getFields()[name]) return true; // a fragment's field of another type: not asked of these rows
    const read = fieldColumns(nodeType, name);
    if (!read) return false;
    for (const column of read) columns.add(column);
    return true;
  };
  const onConnectionField = (field: FieldNode) => {
    if (field.name.value === 'nodes') return walk(field.selectionSet, onNodeField);
    if (field.name.value === 'edges') {
      return walk(field.selectionSet, (edgeField) => (edgeField.name.value === 'node' ? walk(edgeField.selectionSet, onNodeField) : true));
    }
    return true; // pageInfo, __typename: nothing of the rows' own
  };
  const onField = shape === 'connection' ? onConnectionField : onNodeField;
  for (const node of info.fieldNodes) if (!walk(node.selectionSet, onField)) return null;
  return [...columns].sort();
}

function fieldColumns(type: GraphQLObjectType, name: string): readonly string[] | null {
  const extensions = type.getFields()[name].extensions as { [ROW_COLUMNS]?: readonly string[]; pothosExposedField?: string };
  if (extensions[ROW_COLUMNS]) return extensions[ROW_COLUMNS];
  if (typeof extensions.pothosExposedField === 'string') return [extensions.pothosExposedField];
  return null;
}
