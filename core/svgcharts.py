"""Charts drawn on the server as inline SVG, for PDFs (no JavaScript there) and print: a column
chart (a count over years) and a horizontal bar chart (achievement per indicator, in %).

Labels are escaped here; the result is safe markup for a template. No domain knowledge: callers
pass labels, values and colours."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.formats import format_number

GREEN = "#0b6e4f"
RED = "#b3261e"
AMBER = "#b26a00"
GREY = "#9e9e9e"
FONT = 'font-family="DejaVu Sans, sans-serif"'


def _text(x, y, text, *, size=9, anchor="middle", weight="normal", fill="#222") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" {FONT} font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{fill}">{escape(text)}</text>'
    )


def column_chart(title: str, columns, *, maximum=None, width=460, height=200, unit="") -> str:
    """`columns`: (label, value or None, colour) in order. None draws no column and writes
    "–" (no data is never a zero)."""
    columns = list(columns)
    values = [v for _label, v, _colour in columns if v is not None]
    top = maximum or max(values or [1]) or 1
    left, right, header, footer = 34, 10, 26, 26
    plot_w, plot_h = width - left - right, height - header - footer
    slot = plot_w / max(len(columns), 1)
    parts = [_text(width / 2, 14, title, size=10, weight="bold")]
    for i in range(5):
        y = header + plot_h * i / 4
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            'stroke="#ddd" stroke-width="0.6"/>'
        )
        parts.append(_text(left - 4, y + 3, format_number(top * (4 - i) / 4), size=7, anchor="end"))
    for index, (label, value, colour) in enumerate(columns):
        x = left + slot * index + slot * 0.2
        bar_w = slot * 0.6
        if value is None:
            parts.append(_text(x + bar_w / 2, header + plot_h - 4, "–", fill=GREY))
        else:
            bar_h = plot_h * min(value, top) / top
            y = header + plot_h - bar_h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{bar_h:.1f}" '
                f'fill="{colour}"/>'
            )
            parts.append(_text(x + bar_w / 2, y - 3, format_number(value) + unit, size=8))
        parts.append(_text(x + bar_w / 2, height - footer + 12, str(label), size=8))
    parts.append(
        f'<line x1="{left}" y1="{header + plot_h}" x2="{width - right}" '
        f'y2="{header + plot_h}" stroke="#444" stroke-width="0.8"/>'
    )
    return _svg(width, height, title, parts)


def bar_chart(title: str, bars, *, maximum=100, width=520, decimals=2, unit=" %") -> str:
    """Horizontal bars: `bars` is (label, value or None, colour); values in `unit` (percent by
    default), drawn up to `maximum` (longer values are capped, their number written in full)."""
    bars = list(bars)
    row, header, label_w, right = 18, 26, 200, 60
    height = header + row * max(len(bars), 1) + 8
    plot_w = width - label_w - right
    parts = [_text(width / 2, 14, title, size=10, weight="bold")]
    x100 = label_w + plot_w * min(100, maximum) / maximum
    parts.append(
        f'<line x1="{x100:.1f}" y1="{header - 4}" x2="{x100:.1f}" y2="{height - 6}" '
        'stroke="#888" stroke-dasharray="3,2" stroke-width="0.6"/>'
    )
    for index, (label, value, colour) in enumerate(bars):
        y = header + row * index
        short = label if len(label) <= 38 else label[:36] + "…"
        parts.append(_text(label_w - 6, y + 11, short, size=7.5, anchor="end"))
        if value is None:
            parts.append(_text(label_w + 4, y + 11, "–", size=8, anchor="start", fill=GREY))
            continue
        bar_w = plot_w * max(0, min(float(value), maximum)) / maximum
        parts.append(
            f'<rect x="{label_w}" y="{y + 2}" width="{bar_w:.1f}" height="{row - 6}" '
            f'fill="{colour}"/>'
        )
        parts.append(
            _text(
                label_w + bar_w + 4,
                y + 11,
                format_number(value, decimals) + unit,
                size=7.5,
                anchor="start",
            )
        )
    return _svg(width, height, title, parts)


def _svg(width, height, title, parts) -> str:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f"<title>{escape(title)}</title>{''.join(parts)}</svg>"
    )
