import { isoString } from '../src/domain/iso-time.ts';
const dates = Array.from({length: 16000}, (_, i) => new Date(1767225600000 + i * 60000 + 123));
let bad = 0; for (const d of dates) if (isoString(d) !== d.toISOString()) bad++;
console.log('bad', bad);
for (let r = 0; r < 5; r++) for (const d of dates) isoString(d);
const t = performance.now(); for (let r = 0; r < 50; r++) for (const d of dates) isoString(d); console.log('isoString', ((performance.now() - t) / 50).toFixed(3), 'ms per 16k');
