export function beta(text: string): string {
  return text.split("").reverse().join("");
}
console.log(beta("abc"));
