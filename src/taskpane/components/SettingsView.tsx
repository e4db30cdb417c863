// Rate decimals, rounding, formulas or values, language: saved with the host.
import * as React from "react";
import {
  Checkbox,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  SpinButton,
  tokens,
} from "@fluentui/react-components";
import type { UiStrings } from "../../i18n/ui";
import type { PaneSettings } from "../../hosts/port";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    maxWidth: "24em",
    minWidth: 0,
  },
});

export interface SettingsViewProps {
  settings: PaneSettings;
  t: UiStrings;
  busy: boolean;
  onChange(settings: PaneSettings): void;
}

export function SettingsView({ settings, t, busy, onChange }: SettingsViewProps): React.ReactElement {
  const styles = useStyles();
  const set = (patch: Partial<PaneSettings>) => onChange({ ...settings, ...patch });
  return (
    <form className={styles.root} aria-label={t.settings} onSubmit={(e) => e.preventDefault()}>
      <Field label={t.language}>
        <RadioGroup
          layout="horizontal"
          value={settings.lang}
          disabled={busy}
          onChange={(_, d) => set({ lang: d.value === "en" ? "en" : "vi" })}
        >
          <Radio value="vi" label={t.langVi} />
          <Radio value="en" label={t.langEn} />
        </RadioGroup>
      </Field>
      <Field label={t.rateDecimals}>
        <SpinButton
          min={0}
          max={6}
          value={settings.rateDecimals}
          disabled={busy}
          incrementButton={{ "aria-label": t.increment }}
          decrementButton={{ "aria-label": t.decrement }}
          onChange={(_, d) => {
            const raw = d.value ?? Number(d.displayValue);
            if (Number.isInteger(raw) && raw >= 0 && raw <= 6) set({ rateDecimals: raw });
          }}
        />
      </Field>
      <Field label={t.rounding}>
        <RadioGroup
          value={settings.rounding}
          disabled={busy}
          onChange={(_, d) => set({ rounding: d.value === "truncate" ? "truncate" : "half-up" })}
        >
          <Radio value="half-up" label={t.roundingHalfUp} />
          <Radio value="truncate" label={t.roundingTruncate} />
        </RadioGroup>
      </Field>
      <Field label={t.writeMode}>
        <RadioGroup
          layout="horizontal"
          value={settings.writeFormulas ? "formulas" : "values"}
          disabled={busy}
          onChange={(_, d) => set({ writeFormulas: d.value === "formulas" })}
        >
          <Radio value="formulas" label={t.writeFormulas} />
          <Radio value="values" label={t.writeValues} />
        </RadioGroup>
      </Field>
      <Checkbox
        checked={settings.marks !== false}
        disabled={busy}
        onChange={(_, d) => set({ marks: d.checked === true })}
        label={t.marksSetting}
      />
      <Checkbox
        checked={settings.markInfos === true}
        disabled={busy || settings.marks === false}
        onChange={(_, d) => set({ markInfos: d.checked === true })}
        label={t.markInfosSetting}
      />
    </form>
  );
}
