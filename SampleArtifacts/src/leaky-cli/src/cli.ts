import { greet } from "./commands/greet";
import { count } from "./commands/count";
import { paint } from "tiny-color";

const [command, ...rest] = process.argv.slice(2);

switch (command) {
  case "greet":
    console.log(paint(greet(rest[0] ?? "world")));
    break;
  case "count":
    console.log(count(rest.join(" ")));
    break;
  default:
    console.error("usage: leaky-cli greet|count");
    process.exitCode = 64;
}
