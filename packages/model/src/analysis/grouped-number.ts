/**
 * A number the way `Intl.NumberFormat('en-US', { maximumFractionDigits })` writes it (260000 →
 * "260,000", 1234.5 → "1,234.5"), without Intl: a page's first Intl formatter loads the ICU
 * locale data, 30–80 ms of a map's first render in Chromium. The map's numbers (leads, metric
 * targets and actuals) are plain decimals, which is all this handles; anything too large for a
 * plain decimal string is left as JavaScript writes it.
 */
export function groupedNumber(value: number, maximumFractionDigits: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '-∞';
  const scale = 10 ** maximumFractionDigits;
  const rounded = Math.round(Math.abs(value) * scale) / scale;
  if (rounded >= 1e21) return String(value);
  const [whole = '0', fraction] = rounded.toFixed(maximumFractionDigits).split('.');
  const digits = fraction?.replace(/0+$/, '') ?? '';
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${digits ? `.${digits}` : ''}`;
}
