/**
 * JSON Schema validators, compiled on first use: compiling costs a noticeable part of a command's
 * start-up, and most commands need only some of the schemas.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

// Ledger data stops at its first error (verification names one); a configuration reports them all.
const firstError = new Ajv2020({ strict: true });
const everyError = new Ajv2020({ allErrors: true, strict: true, verbose: true });

export function lazyValidator<T>(schema: object, report: "first" | "all" = "first"): () => ValidateFunction<T> {
  let compiled: ValidateFunction<T> | undefined;
  return () => {
    compiled ??= (report === "first" ? firstError : everyError).compile<T>(schema);
    return compiled;
  };
}
