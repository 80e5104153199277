// One card's barcode, drawn on the server by bwip-js as inline SVG (lib/domain/card-barcode picks
// Code 128 or EAN-13 and the quiet zones): no script, no request of its own, so it shows at once and
// from the offline copy of the page. The SVG keeps its white quiet zones and is as wide as its
// modules at 3 CSS pixels each (about 0.5 mm on a phone), narrower only when the screen is; its
// edges are drawn crisp so a scaled bar never blurs into its neighbour.
import bwipjs from 'bwip-js/node';
import { barcodeDrawing } from '@/lib/domain/card-barcode';

/** The barcode of `value` as SVG markup (bwip-js), or null when it cannot be drawn. */
export function cardBarcodeSvg(value: string): { svg: string; width: number } | null {
  const drawing = barcodeDrawing(value);
  if (!drawing) return null;
  const svg = bwipjs.toSVG(drawing);
  const width = Number(/viewBox="0 0 ([\d.]+) /.exec(svg)?.[1] ?? 0);
  return {
    svg: svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" shape-rendering="crispEdges" width="100%" '),
    width,
  };
}

export function CardBarcode({ value, label }: { value: string; label: string }) {
  const drawn = cardBarcodeSvg(value);
  if (!drawn) return null;
  return (
    <div
      role="img"
      aria-label={label}
      className="mx-auto block max-w-full"
      style={{ width: `${drawn.width}px` }}
      // bwip-js's own markup of bars (paths only, no script or link), from a number of the database.
      dangerouslySetInnerHTML={{ __html: drawn.svg }}
    />
  );
}
