// Styles the pane's views share (a card with its title, a row of actions), so they look alike and are changed in
// one place. Plain objects of design tokens, spread into each view's makeStyles.
import { tokens } from "@fluentui/react-components";

/** A bordered card: a group of related content and its actions. */
export const CARD = {
  display: "flex",
  flexDirection: "column",
  rowGap: tokens.spacingVerticalS,
  padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  backgroundColor: tokens.colorNeutralBackground1,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  borderRadius: tokens.borderRadiusMedium,
  minWidth: 0,
} as const;

/** A card's heading. */
export const CARD_TITLE = {
  margin: 0,
  fontSize: tokens.fontSizeBase400,
  fontWeight: tokens.fontWeightSemibold,
} as const;

/** A wrapping row of buttons. */
export const ACTIONS = {
  display: "flex",
  flexWrap: "wrap",
  columnGap: tokens.spacingHorizontalS,
  rowGap: tokens.spacingVerticalXS,
} as const;
