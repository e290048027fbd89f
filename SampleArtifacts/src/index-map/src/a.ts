export const alpha = (n: number): number => n + 1;
console.log(alpha(1));
