// The cost of changing each kind of cell: the locator minimises the sum over the cells it changes.

export const WEIGHTS = {
  /** A cell of a column found copied from another (explain.ts): the likeliest wrong of all. */
  copied: 0.5,
  /** A cell whose value follows from a relation (a rate, a subtotal, a reduction in a report). */
  derived: 1,
  /** A number someone typed (households, poor households at the start and end). */
  input: 2,
  /** A target assigned from above (the reduction in a plan): typed too, but the figure least likely wrong. */
  target: 3,
  /** A cell the user confirmed in the pane: never changed. */
  confirmed: Number.POSITIVE_INFINITY,
} as const;
