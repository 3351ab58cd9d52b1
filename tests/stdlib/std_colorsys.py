# colorsys from CPython's library: every conversion and its round trip.
import colorsys

colors = [(0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0),
          (0.2, 0.4, 0.4), (0.9, 0.5, 0.1), (0.5, 0.5, 0.5), (0.3, 0.7, 0.9)]
for rgb in colors:
    yiq = colorsys.rgb_to_yiq(*rgb)
    hls = colorsys.rgb_to_hls(*rgb)
    hsv = colorsys.rgb_to_hsv(*rgb)
    print([round(v, 6) for v in yiq], [round(v, 6) for v in hls], [round(v, 6) for v in hsv])
    back = [colorsys.yiq_to_rgb(*yiq), colorsys.hls_to_rgb(*hls), colorsys.hsv_to_rgb(*hsv)]
    print([[round(v, 6) for v in c] for c in back])
for h in range(0, 13):
    print(h, [round(v, 4) for v in colorsys.hsv_to_rgb(h / 12, 0.8, 0.9)],
          [round(v, 4) for v in colorsys.hls_to_rgb(h / 12, 0.4, 0.6)])
print(colorsys.hls_to_rgb(0.5, 0.5, 0.0), colorsys.hsv_to_rgb(0.3, 0.0, 0.7), colorsys.yiq_to_rgb(2, 2, 2))
