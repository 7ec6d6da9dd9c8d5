import { formatKronor, type Ore } from './money.ts';
import { divRound, type Rate } from './rate.ts';

const formats = new Map<number, Intl.NumberFormat>();
/** sv-SE formatters by number of decimals, built once (building one costs tens of microseconds). */
const formatWith = (n: number): Intl.NumberFormat => {
  let f = formats.get(n);
  if (!f) {
    f = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: n, maximumFractionDigits: n });
    formats.set(n, f);
  }
  return f;
};

/**
 * Formats an exact decimal string the Swedish way (`-8430.5` → `−8 430,5`). Intl receives the
 * decimal as a string, so no float rounding touches the figure.
 */
export function formatDecimalSv(decimal: string, fractionDigits = 0): string {
  return formatWith(fractionDigits).format(decimal as unknown as number);
}

/** Rounds öre to a whole number of `unitOre` (half away from zero) and returns it as a decimal string. */
export function roundToUnit(amount: Ore, unitOre: number): string {
  return divRound(BigInt(amount), BigInt(unitOre)).toString();
}

/** An amount in tkr, sv-SE: `−1 250 tkr`; amounts under half a tkr are shown in kr (`−400 kr`). */
export function formatTkr(amount: Ore, withUnit = true): string {
  const tkr = roundToUnit(amount, 100_000);
  if (tkr === '0' && amount !== 0) {
    const kr = roundToUnit(amount, 100);
    return `${kr === '0' ? formatDecimalSv(formatKronor(amount), 2) : formatDecimalSv(kr)}${withUnit ? ' kr' : ''}`;
  }
  return `${formatDecimalSv(tkr)}${withUnit ? ' tkr' : ''}`;
}

/** An amount in kr, sv-SE: `12 604 000 kr` (öre shown only when present). */
export function formatKr(amount: Ore, withUnit = true): string {
  const text = formatDecimalSv(formatKronor(amount), amount % 100 === 0 ? 0 : 2);
  return `${text}${withUnit ? ' kr' : ''}`;
}

/** A rate as a percentage, sv-SE: `9,2 %` (one decimal by default). */
export function formatPercent(r: Rate, fractionDigits = 1): string {
  const scale = 10n ** BigInt(fractionDigits);
  const value = divRound(r.n * 100n * scale, r.d);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const text =
    fractionDigits === 0 ? abs.toString() : `${abs / scale}.${(abs % scale).toString().padStart(fractionDigits, '0')}`;
  return `${formatDecimalSv(negative ? `-${text}` : text, fractionDigits)} %`;
}
