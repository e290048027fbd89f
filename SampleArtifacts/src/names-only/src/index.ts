import { double } from "./math";

export function run(values: number[]): number[] {
  return values.map(double);
}
