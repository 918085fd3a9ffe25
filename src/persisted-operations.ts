// Persisted-operations mode: only the operations of an allow-list run, the
// `persisted-documents.json` GraphQL Code Generator's client preset writes
// (`presetConfig: { persistedDocuments: true }`: document hash -> document text).
// A client names one by `documentId` (GraphQL over HTTP's persisted documents)
// or by `extensions.persistedQuery.sha256Hash` (the APQ shape); a document sent
// as text is refused.
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';

export type PersistedOperations = ReadonlyMap<string, string>;

export class PersistedOperationsFileError extends Error {
  override readonly name = 'PersistedOperationsFileError';
}

export function loadPersistedOperations(path: string): PersistedOperations {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PersistedOperationsFileError(`PERSISTED_OPERATIONS: cannot read ${path} (${(error as Error).message}).`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new PersistedOperationsFileError(`PERSISTED_OPERATIONS: ${path} must be a JSON object of document ids to documents.`);
  }
  const entries = Object.entries(parsed);
  const broken = entries.find(([, document]) => typeof document !== 'string' || !document.trim());
  if (broken) throw new PersistedOperationsFileError(`PERSISTED_OPERATIONS: the entry ${broken[0]} in ${path} is not a document.`);
  if (entries.length === 0) throw new PersistedOperationsFileError(`PERSISTED_OPERATIONS: ${path} lists no operations.`);
  return new Map(entries as Array<[string, string]>);
}

const ERRORS = {
  onlyPersisted: {
    message:
      'This gateway runs only persisted operations: send the operation\'s documentId (or extensions.persistedQuery.sha256Hash), not its text.',
    extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
  },
  idRequired: {
    message: 'Missing documentId: this gateway runs only persisted operations.',
    extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } },
  },
  notFound: {
    message: 'Unknown documentId: the operation is not in this gateway\'s persisted operations.',
    extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST', http: { status: 400 } },
  },
} as const;

/** The id a request names its operation by: `documentId`, or Apollo's `extensions.persistedQuery.sha256Hash`. */
export function persistedOperationId(params: { documentId?: unknown; extensions?: unknown }): string | null {
  if (typeof params.documentId === 'string') return params.documentId;
  const persistedQuery = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery;
  return typeof persistedQuery?.sha256Hash === 'string' ? persistedQuery.sha256Hash : null;
}

/**
 * The document an id names. The client preset keys documents by a prefixed id
 * (`sha256:<hex>`, GraphQL over HTTP's form); Apollo's `sha256Hash` is the bare hex.
 */
export function persistedDocument(operations: PersistedOperations, id: string): string | null {
  return operations.get(id) ?? (id.includes(':') ? null : operations.get(`sha256:${id}`)) ?? null;
}

/** Over HTTP (and SSE): yoga's persisted-operations plugin. */
export function usePersistedOperationsOnly(operations: PersistedOperations): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: false,
    extractPersistedOperationId: (params) => persistedOperationId(params),
    getPersistedOperation: (id) => persistedDocument(operations, id),
    customErrors: { persistedQueryOnly: ERRORS.onlyPersisted, keyNotFound: ERRORS.idRequired, notFound: ERRORS.notFound },
  }) as Plugin;
}

/**
 * Over WebSocket, which yoga's HTTP plugins do not see: the document the
 * subscribe message names, or the error that refuses it. graphql-ws requires a
 * `query` string, so a persisted operation comes with an empty one.
 */
export function persistedDocumentOf(
  operations: PersistedOperations,
  payload: { query?: string; documentId?: unknown; extensions?: unknown },
): string | GraphQLError {
  const id = persistedOperationId(payload);
  if (payload.query?.trim()) return new GraphQLError(ERRORS.onlyPersisted.message, { extensions: { code: ERRORS.onlyPersisted.extensions.code } });
  if (id === null) return new GraphQLError(ERRORS.idRequired.message, { extensions: { code: ERRORS.idRequired.extensions.code } });
  return persistedDocument(operations, id) ?? new GraphQLError(ERRORS.notFound.message, { extensions: { code: ERRORS.notFound.extensions.code } });
}
