"""JS shared by the browser tests of every engine: words broken across two lines."""

from __future__ import annotations

import json


def split_words(selector: str) -> str:
    """JS expression: each word inside the elements matching `selector` that the browser broke
    across two lines (a word wider than its box), as "label: word"."""
    return f"""(() => {{
  const split = [];
  for (const box of document.querySelectorAll({json.dumps(selector)})) {{
    if (!box.getClientRects().length) continue;
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {{
      for (const match of node.data.matchAll(/[^\\s-]+/g)) {{
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) split.push(`${{box.textContent.trim()}}: ${{match[0]}}`);
      }}
    }}
  }}
  return split;
}})()"""
