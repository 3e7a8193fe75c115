// Written out from issue #8 rather than imported, so tests check the filter, not itself.
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export const INVISIBLE_CODE_POINTS = [
  0x00ad,
  0x034f,
  0x061c,
  0x115f,
  0x1160,
  0x180e,
  0x3164,
  0xfeff,
  0xffa0,
  ...range(0x200b, 0x200f),
  ...range(0x202a, 0x202e),
  ...range(0x2060, 0x2064),
  ...range(0x2066, 0x2069),
  ...range(0xe0000, 0xe007f),
];
