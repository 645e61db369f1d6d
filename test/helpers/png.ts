import { loadImage, createCanvas } from '@napi-rs/canvas';

/** A PNG decoded: its size and how many distinct colours it has (a placeholder has one or two). */
export async function inspectPng(
  png: Buffer,
): Promise<{ width: number; height: number; colours: number }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    colours.add(
      ((data[i]! << 24) | (data[i + 1]! << 16) | (data[i + 2]! << 8) | data[i + 3]!) >>> 0,
    );
  }
  return { width: image.width, height: image.height, colours: colours.size };
}
