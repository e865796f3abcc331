// JavaScript's `\s` as a test of one UTF-16 unit: a loop calling it allocates nothing, where a
// regular expression per value did (a termbase's 50,000 terms, every sentence end).

/** Whether `unit` is one JavaScript's `\s` matches; NaN (past a string's end) is not. */
export function isJsSpace(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
}
