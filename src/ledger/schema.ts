/**
 * JSON Schema validators by name (see schemas.ts), compiled on first use. The bundles replace this
 * module with validators compiled at build time (scripts/build.mjs): the same Ajv, schemas and
 * options, without the start-up cost.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { ajvOptions, SCHEMAS, type SchemaName } from "./schemas.ts";

const compiled = new Map<SchemaName, ValidateFunction>();

export function validator<T>(name: SchemaName): () => ValidateFunction<T> {
  return () => {
    let v = compiled.get(name);
    if (!v) {
      const { schema, report } = SCHEMAS[name];
      v = new Ajv2020(ajvOptions(report)).compile(schema);
      compiled.set(name, v);
    }
    return v as ValidateFunction<T>;
  };
}
