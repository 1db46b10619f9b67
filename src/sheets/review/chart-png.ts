/**
 * A small line chart as PNG bytes, for the digest: the last periods' values against the target.
 * Apps Script can only render a chart to an image through Charts or a sheet's chart (getAs), which
 * needs the chart built and, for a sheet's chart, Google's servers; this draws the same picture
 * in plain code, so a test (and the playground) sees the very bytes that are mailed.
 *
 * A 4-colour palette at 2 bits a pixel, stored uncompressed (zlib "stored" blocks): a 240×64
 * chart weighs under 4.5 KB, with no compression library.
 */

export interface ChartImageInput {
  values: readonly (number | null)[];
  target: number;
  width?: number;
  height?: number;
}

// Palette indices; 0 (white) is the background every pixel starts as.
const GRID = 1;
const LINE = 2;
const TARGET = 3;
/** White, light grey, the dashboard's line blue, the target's red. */
const PALETTE = [
  [0xff, 0xff, 0xff],
  [0xe8, 0xea, 0xed],
  [0x1a, 0x73, 0xe8],
  [0xd9, 0x30, 0x25],
];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function chunk(type: string, data: Uint8Array): number[] {
  const body = new Uint8Array(4 + data.length);
  for (let i = 0; i < 4; i++) body[i] = type.charCodeAt(i);
  body.set(data, 4);
  return [...u32(data.length), ...body, ...u32(crc32(body))];
}

/** zlib with "stored" (uncompressed) deflate blocks of at most 65,535 bytes. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const out: number[] = [0x78, 0x01];
  let i = 0;
  do {
    const block = raw.subarray(i, Math.min(raw.length, i + 65_535));
    i += 65_535;
    const last = i >= raw.length ? 1 : 0;
    out.push(last, block.length & 0xff, block.length >>> 8);
    out.push(~block.length & 0xff, (~block.length >>> 8) & 0xff);
    for (const b of block) out.push(b);
  } while (i < raw.length);
  out.push(...u32(adler32(raw)));
  return Uint8Array.from(out);
}

/** PNG bytes of a 2-bit palette image: `pixels[y * width + x]` is a palette index 0–3. */
export function encodePng(width: number, height: number, pixels: Uint8Array): Uint8Array {
  const stride = Math.ceil(width / 4);
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1); // filter byte 0 (none) leads each row
    for (let x = 0; x < width; x++) {
      const p = (pixels[y * width + x] as number) & 3;
      raw[row + 1 + (x >> 2)] = (raw[row + 1 + (x >> 2)] as number) | (p << (6 - 2 * (x & 3)));
    }
  }
  const header = Uint8Array.from([...u32(width), ...u32(height), 2, 3, 0, 0, 0]);
  const png = [
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk("IHDR", header),
    ...chunk("PLTE", Uint8Array.from(PALETTE.flat())),
    ...chunk("IDAT", zlibStored(raw)),
    ...chunk("IEND", new Uint8Array(0)),
  ];
  return Uint8Array.from(png);
}

/**
 * The chart: the values as a 2-pixel blue line (gaps where a period has no value), the target as
 * a dashed red line, a light frame. The vertical scale spans the values and the target.
 */
export function lineChartPng(input: ChartImageInput): Uint8Array {
  const width = input.width ?? 240;
  const height = input.height ?? 64;
  const pixels = new Uint8Array(width * height);
  const set = (x: number, y: number, c: number) => {
    if (x >= 0 && x < width && y >= 0 && y < height) pixels[y * width + x] = c;
  };
  for (let x = 0; x < width; x++) {
    set(x, 0, GRID);
    set(x, height - 1, GRID);
  }
  const known = input.values.filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = Math.min(input.target, ...known);
  let hi = Math.max(input.target, ...known);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const pad = 4;
  const yOf = (v: number) =>
    Math.round(height - 1 - pad - ((v - lo) / (hi - lo)) * (height - 1 - 2 * pad));
  const n = input.values.length;
  const xOf = (i: number) =>
    n <= 1 ? width >> 1 : Math.round(pad + (i * (width - 1 - 2 * pad)) / (n - 1));
  const ty = yOf(input.target);
  for (let x = 0; x < width; x++) if (x % 6 < 4) set(x, ty, TARGET);
  let prev: { x: number; y: number } | null = null;
  input.values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      prev = null;
      return;
    }
    const p = { x: xOf(i), y: yOf(v) };
    if (prev)
      drawLine(prev, p, (x, y) => {
        set(x, y, LINE);
        set(x, y + 1, LINE);
      });
    else {
      set(p.x, p.y, LINE);
      set(p.x, p.y + 1, LINE);
    }
    prev = p;
  });
  return encodePng(width, height, pixels);
}

/** Bresenham's line from a to b. */
function drawLine(
  a: { x: number; y: number },
  b: { x: number; y: number },
  plot: (x: number, y: number) => void,
): void {
  let { x, y } = a;
  const dx = Math.abs(b.x - a.x);
  const dy = -Math.abs(b.y - a.y);
  const sx = a.x < b.x ? 1 : -1;
  const sy = a.y < b.y ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    plot(x, y);
    if (x === b.x && y === b.y) return;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y += sy;
    }
  }
}
