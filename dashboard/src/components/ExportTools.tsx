import { isValidElement, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n';
import { downloadText, toCsv } from '../export/csv';
import { deploymentTimeZone, formatZonedTimestamp } from '../domain/timeZone';

/** Plain text of rendered cell content (strings, numbers, links, fragments). */
export function nodeText(node: ReactNode): string {
  if (node == null || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(nodeText).join('');
  if (isValidElement(node)) return nodeText((node.props as { children?: ReactNode }).children);
  return '';
}

/** An anchor-safe id from a title ("Tren volume laporan" → "tren-volume-laporan"). */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'panel'
  );
}

/** CSV of a figure or table: UTF-8 BOM, header row, a generated-at line in the deployment's zone. */
export function tableCsv(columns: string[], rows: ReactNode[][], meta: { title: string; generatedAt?: Date; timeZone?: string }): string {
  const tz = meta.timeZone ?? deploymentTimeZone();
  const at = formatZonedTimestamp(meta.generatedAt ?? new Date(), tz, true);
  return '\uFEFF' + toCsv([[meta.title], [`${at} (${tz})`], columns, ...rows.map((r) => r.map(nodeText))]);
}

/** Copy-link and CSV buttons for a chart or table. The link is the current URL (all filters) + #anchor. */
export function ExportTools({ title, anchor, columns, rows }: { title: string; anchor: string; columns: string[]; rows: ReactNode[][] }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const link = () => `${window.location.origin}${window.location.pathname}${window.location.search}#${anchor}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link());
    } catch {
      window.prompt(t('export.copyLink'), link());
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2500);
  };
  const csv = () => {
    const stamp = formatZonedTimestamp(new Date(), deploymentTimeZone()).replace(/[-: ]/g, '').slice(0, 12);
    downloadText(`pantau-${anchor}-${stamp}.csv`, tableCsv(columns, rows, { title }));
  };
  return (
    <div className="panel-tools no-print">
      <button type="button" className="button button-secondary button-small" onClick={copy} aria-label={t('export.copyLinkOf', { title })} data-anchor={anchor}>
        {copied ? t('export.copied') : t('export.copyLink')}
      </button>
      <button type="button" className="button button-secondary button-small" onClick={csv} aria-label={t('export.csvOf', { title })}>
        {t('export.csv')}
      </button>
      <span className="sr-only" role="status" aria-live="polite">
        {copied ? t('export.copied') : ''}
      </span>
    </div>
  );
}

/** Copy-link and CSV for a table (the anchor is the table's title, so a link scrolls to it). */
export function TableTools({ title, columns, rows, anchor }: { title: string; columns: string[]; rows: ReactNode[][]; anchor?: string }) {
  return (
    <div className="table-tools" id={anchor ?? `t-${slug(title)}`}>
      <ExportTools title={title} anchor={anchor ?? `t-${slug(title)}`} columns={columns} rows={rows} />
    </div>
  );
}
