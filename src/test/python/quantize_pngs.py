"""Shrinks the screenshot matrix's PNGs for the repository: 256 colours, no dithering, optimized.

Screens are flat colours and anti-aliased text, so a 256-colour palette shows no difference to
the eye and halves the files. Usage: python3 quantize_pngs.py DIR (every *.png in DIR, in place).
"""
import pathlib
import sys

from PIL import Image


def main(folder):
    before = after = 0
    for png in sorted(pathlib.Path(folder).glob("*.png")):
        before += png.stat().st_size
        with Image.open(png) as image:
            small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        small.save(png, optimize=True)
        after += png.stat().st_size
    print(f"quantized {folder}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1])
