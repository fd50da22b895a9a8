import { useI18n } from '../i18n/I18n';
import { figureText, withheldBelow, withheldText, type Withheld } from '../domain/suppression';

/** "< 5" with the explanation as tooltip and accessible name (a figure withheld by small-cell protection). */
export function WithheldMark({ k }: { k: number }) {
  const { t } = useI18n();
  const why = t('analytics.withheld', { k });
  return (
    <span className="withheld" title={why} aria-label={`${withheldText(k)}: ${why}`} tabIndex={0}>
      {withheldText(k)}
    </span>
  );
}

/** A figure in a table cell or a list: the formatted value, or the withheld mark. */
export function Figure({
  value,
  of,
  field,
  format,
}: {
  value: number | null | undefined;
  of: Withheld | null | undefined;
  field?: string;
  format: (v: number | null | undefined) => string;
}) {
  const k = withheldBelow(value, of, field);
  return k === null ? <>{format(value)}</> : <WithheldMark k={k} />;
}

export { figureText };
