/**
 * The Ajv that judges control schemas, built-in and custom: JSON Schema 2020-12, strict, every
 * error, with the product's annotation keywords and the inventory schema a custom control may
 * `$ref` (https://mcp-nhi-guard.dev/schemas/v1/nhi-inventory.schema.json). The policy loader
 * compiles custom controls with the same settings, so what loads also runs.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import INVENTORY_SCHEMA from '../../schemas/nhi-inventory.schema.json' with { type: 'json' };
// Shared with scripts/build.mjs, which precompiles the built-in controls with the same options.
import AJV_OPTIONS from './control-ajv-options.json' with { type: 'json' };

export function controlAjv(): Ajv2020 {
  const ajv = new Ajv2020({ ...AJV_OPTIONS });
  ajv.addKeyword({ keyword: 'x-nhi-control', schemaType: 'object' });
  ajv.addKeyword({ keyword: 'x-nhi-message', schemaType: 'string' });
  ajv.addSchema(INVENTORY_SCHEMA);
  return ajv;
}
