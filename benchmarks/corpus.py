"""A deterministic, realistic Traditional Chinese article store for benchmarks.

Text is built from clauses of the sample articles and a vocabulary of common news words, so that
term frequencies look like a news archive (some bigrams everywhere, most rare).
"""

from __future__ import annotations

import os
import random
import re
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.model import Article, Figure, RelatedLink, Source  # noqa: E402
from app.exchange.markdown import import_markdown  # noqa: E402
from app.store import Store  # noqa: E402

CACHE = Path(__file__).parent / "cache"
WORDS = (  # noqa: SIM905 - a readable word list
    "政府 市長 立法院 行政院 總統 選舉 颱風 地震 防災 抽水 排水 交通 捷運 高鐵 機場 醫院 健保 疫苗 "
    "學校 教育 大學 學生 老師 經濟 股市 匯率 出口 產業 半導體 晶片 工廠 勞工 薪資 房價 租金 觀光 "
    "旅客 夜市 文化 音樂 電影 運動 棒球 籃球 國際 外交 美國 日本 中國 歐洲 貿易 關稅 能源 電力 "
    "核能 綠能 風電 太陽能 環境 空污 氣候 降雨 乾旱 水庫 農業 稻米 漁業 食安 消費 物價 通膨 "
    "警方 法院 檢察 判決 調查 記者 民眾 居民 里長 志工 議員 部長 官員 專家 學者 報告 統計 研究 "
    "計畫 預算 補助 政策 法案 會議 宣布 表示 指出 強調 認為 預計 今年 明年 去年 上午 下午 晚間 "
    "台北 新北 桃園 台中 台南 高雄 基隆 新竹 嘉義 屏東 宜蘭 花蓮 台東 澎湖 金門 馬祖"
).split()
SAMPLES = ROOT / "tests" / "fixtures"


def _clauses() -> list[str]:
    text = (SAMPLES / "typhoon-drill" / "article.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    clauses = re.split(r"[,。、「」!?\n]", body)
    # Markup lines (figures, ::: fences) are not prose: keep them out of generated paragraphs.
    return [c for c in clauses if len(c) >= 6 and "[" not in c and ":" not in c]


def vocabulary(rng: random.Random, size: int = 30_000) -> tuple[list[str], list[float]]:
    """News words first (most frequent), then synthetic 2-3 character words, Zipf-weighted."""
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 6000)]
    seen = set(WORDS)
    words: list[str] = []
    while len(words) < size - len(WORDS):
        w = "".join(rng.choice(chars) for _ in range(rng.choice((2, 2, 2, 3))))
        if w not in seen:
            seen.add(w)
            words.append(w)
    # News words spread over the frequency ranks: some everywhere, some in a few percent.
    for n, word in enumerate(WORDS):
        words.insert(n * 20, word)
    cumulative, total = [], 0.0
    for rank in range(len(words)):
        total += 1.0 / (rank + 10)
        cumulative.append(total)
    return words, cumulative


def paragraph(
    rng: random.Random, clauses: list[str], sentences: int, vocab: tuple[list[str], list[float]]
) -> str:
    words, weights = vocab
    out = []
    for _ in range(sentences):
        parts = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.03:
                parts.append(rng.choice(clauses))
            else:
                parts.append("".join(rng.choices(words, cum_weights=weights, k=rng.randint(3, 6))))
        out.append(",".join(parts) + "。")
    return "".join(out)


def make_article(
    rng: random.Random, clauses: list[str], n: int, image: str, vocab: tuple[list[str], list[float]]
) -> Article:
    paragraphs = [
        paragraph(rng, clauses, rng.randint(3, 5), vocab) for _ in range(rng.randint(5, 10))
    ]
    body = "\n\n".join(paragraphs[:2] + ["![[photo]]"] + paragraphs[2:]) + "\n"
    title = "".join(rng.choice(WORDS) for _ in range(rng.randint(5, 9)))
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return Article(
        id="",
        slug=f"bench-{n:06d}",
        title=title,
        dek=paragraph(rng, clauses, 1, vocab)[:60],
        byline=[rng.choice(["林 雨晴", "陳 志明", "王 怡君", "Alex Chen"])],
        section=rng.choice(["地方", "政治", "國際", "財經", "生活", "社會"]),
        tags=rng.sample(WORDS, 3),
        status=rng.choice(["draft", "in_review", "approved", "published"]),
        body=body,
        published=f"{day}T10:00:00+08:00",
        figures=[
            Figure(
                key="photo",
                image=image,
                caption=paragraph(rng, clauses, 1, vocab)[:40],
                credit="中央社",
                alt="新聞照片",
            )
        ],
        sources=[
            Source(
                date=day,
                outlet=rng.choice(["中央社", "Reuters", "公視"]),
                title=paragraph(rng, clauses, 1, vocab)[:30],
                url=f"https://example.org/{n}",
            )
        ],
        related=[
            RelatedLink(
                url=f"https://example.org/r/{n}",
                title="相關報導",
                excerpt="摘要",
                author="記者",
                date=day,
            )
        ],
    )


def build_store(path: Path, count: int, *, seed: int = 20261124) -> Path:
    """Build (once) a store of ``count`` articles; returns its path."""
    if path.exists():
        return path
    tmp = path.with_suffix(".building")
    for leftover in tmp.parent.glob(tmp.name + "*"):
        leftover.unlink()
    rng = random.Random(seed)
    clauses = _clauses()
    vocab = vocabulary(rng)
    started = time.perf_counter()
    with Store.open(tmp) as store:
        store._db.conn.execute("PRAGMA synchronous = OFF")
        sample = import_markdown(store, SAMPLES / "typhoon-drill" / "article.md", author="測試者")
        import_markdown(store, SAMPLES / "library-night" / "article.md", author="測試者")
        image = sample.figures[0].image
        for n in range(count - 2):
            store.create_article(make_article(rng, clauses, n, image, vocab), author="測試者")
            if n % 10000 == 0 and n:
                rate = n / (time.perf_counter() - started)
                print(f"  built {n:,} articles ({rate:,.0f}/s)", file=sys.stderr)
        store._db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn = sqlite3.connect(tmp)
    conn.execute("ANALYZE")
    conn.execute("INSERT INTO article_fts (article_fts) VALUES ('optimize')")
    conn.commit()
    conn.close()
    tmp.rename(path)
    return path


def archive_size() -> int:
    """How many articles the benchmarks' archive holds: GALLEY_BENCH_ARTICLES, else 100,000
    (``run.py --articles`` sets it for each size of its scale table)."""
    return int(os.environ.get("GALLEY_BENCH_ARTICLES", "100000"))


def default_store(count: int | None = None) -> Path:
    CACHE.mkdir(exist_ok=True)
    count = archive_size() if count is None else count
    return build_store(CACHE / f"store-{count}.sqlite", count)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(default_store(n))
