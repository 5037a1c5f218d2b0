/**
 * The official SARIF 2.1.0 schema from ../shared/schemas-external, compiled with Ajv the way
 * test/report/sarif.test.ts does: the OASIS file is draft-04, whose only draft-04-isms are
 * `$schema` and the top-level `id`, so it compiles as draft-07 once those are renamed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { sharedDir } from '../../helpers/paths.js';

export function officialSarifValidator(): ValidateFunction {
  const official = JSON.parse(
    readFileSync(path.join(sharedDir, 'schemas-external', 'sarif-schema-2.1.0.json'), 'utf8'),
  ) as Record<string, unknown>;
  const { id, ...rest } = official;
  const translated: Record<string, unknown> = {
    ...rest,
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: id,
  };
  return new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(translated);
}
