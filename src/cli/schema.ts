import { jsonSchema } from '../schema/jsonschema.js';
import type { Io } from './io.js';

export async function runSchema(_argv: string[], io: Io): Promise<number> {
  io.out(JSON.stringify(jsonSchema(), null, 2));
  return 0;
}
