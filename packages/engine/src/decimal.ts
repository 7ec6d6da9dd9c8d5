import DecimalJs from 'decimal.js';

/**
 * The engine's own decimal.js constructor: 40 significant digits, halves rounded away from zero
 * (as Swedish accounting rounds). A clone, so no global configuration is touched.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;
