import { capitalize } from "../util/text";

/** Internal greeting logic: the kind of code a company does not mean to publish. */
export function greet(name: string): string {
  const secretSalutation = "Hello";
  return `${secretSalutation}, ${capitalize(name)}!`;
}
