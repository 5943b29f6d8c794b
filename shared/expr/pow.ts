// x^y rounded correctly (to the nearest double), for annualized_growth. JavaScript's ** is off by
// one unit in the last place for about one result in twelve, while the SQL engines' C library pow
// (glibc's, in SQLite, DuckDB and PostgreSQL) is correctly rounded in all but vanishingly rare
// cases; the whole-model SQL computes annualized growth with that pow, so the engine must get the
// very same double. Here ln(x), y·ln(x) and exp(…) are carried in double-double arithmetic (about
// 106 bits) with the plain IEEE operations every engine shares, then rounded once.

interface DD {
  hi: number;
  lo: number;
}

const split = (a: number): [number, number] => {
  const t = 134217729 * a; // 2^27 + 1
  const hi = t - (t - a);
  return [hi, a - hi];
};

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const v = s - a;
  return { hi: s, lo: a - (s - v) + (b - v) };
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return { hi: p, lo: ah * bh - p + ah * bl + al * bh + al * bl };
}

function add(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  let lo = s.lo + t.hi;
  const u = twoSum(s.hi, lo);
  lo = t.lo + u.lo;
  return twoSum(u.hi, lo);
}

function mul(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return twoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

const dd = (x: number): DD => ({ hi: x, lo: 0 });
const neg = (a: DD): DD => ({ hi: -a.hi, lo: -a.lo });

// ln 2 to about 107 bits, as a sum of two doubles.
const ln2: DD = { hi: 0.6931471805599453, lo: 2.3190468138462996e-17 };

/** e^t for |t| small enough not to overflow, in double-double. */
function expDD(t: DD): DD {
  const k = Math.round(t.hi / ln2.hi);
  // r = t − k·ln2, then e^r = (e^(r/256))^256 with a Taylor series for the small argument.
  const r = add(t, neg(mul(dd(k), ln2)));
  const scaled = { hi: r.hi / 256, lo: r.lo / 256 }; // exact: a power of two
  let term = dd(1);
  let sum = dd(1);
  for (let n = 1; n <= 12; n++) {
    term = divSmall(mul(term, scaled), n);
    sum = add(sum, term);
  }
  for (let i = 0; i < 8; i++) sum = mul(sum, sum);
  const scale = 2 ** k;
  return { hi: sum.hi * scale, lo: sum.lo * scale };
}

/** a / n for a small whole n, in double-double. */
function divSmall(a: DD, n: number): DD {
  const q = a.hi / n;
  const p = twoProd(q, n);
  const rest = a.hi - p.hi - p.lo + a.lo;
  return twoSum(q, rest / n);
}

/** ln x for finite x > 0, in double-double: Math.log refined by Newton's step on e^l = x. */
function logDD(x: number): DD {
  let l = dd(Math.log(x));
  for (let i = 0; i < 2; i++) {
    const e = expDD(l);
    // l + (x − e^l) / e^l
    const diff = add(dd(x), neg(e));
    l = add(l, dd((diff.hi + diff.lo) / e.hi));
  }
  return l;
}

export function powRounded(x: number, y: number): number {
  if (!(x > 0) || !Number.isFinite(x) || !Number.isFinite(y) || y === 0 || x === 1) return x ** y;
  const t = mul(logDD(x), dd(y));
  // Outside this range the result overflows or underflows, where ** is already exact (±0, Infinity).
  if (!(Math.abs(t.hi) < 700)) return x ** y;
  const e = expDD(t);
  return e.hi + e.lo;
}
