import { Button, Empty, Pagination, Spin, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { isValidElement, useState, type HTMLAttributes, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './responsive-table.css';
import { usePhone } from './use-phone.ts';

type Props<T> = TableProps<T> & { 'data-testid'?: string };

/**
 * A table on a wide screen; on a phone the same rows as a list of cards, one per record: the first
 * column is the card's title, every other column a label and its value. Pages give it exactly
 * the props of Ant Design's Table (columns, rows, pagination, row clicks, expandable rows), so a
 * list works on a phone without a second description of it.
 */
export function ResponsiveTable<T extends object>(props: Props<T>) {
  const phone = usePhone();
  if (!phone) return <Table<T> {...props} />;
  return <CardList<T> {...props} />;
}

function CardList<T extends object>({ columns = [], dataSource = [], rowKey = 'key', pagination, loading, locale, onRow, expandable, 'data-testid': testId }: Props<T>) {
  const shown = (columns as ColumnType<T>[]).filter((c) => !c.hidden);
  const [head, ...rest] = shown;
  const keyOf = (record: T, index: number): Key => {
    if (typeof rowKey === 'function') return rowKey(record, index);
    const value = (record as Record<string, unknown>)[String(rowKey)];
    return typeof value === 'string' || typeof value === 'number' ? value : index;
  };
  const busy = typeof loading === 'boolean' ? loading : !!loading?.spinning;
  const emptyText = typeof locale?.emptyText === 'function' ? locale.emptyText() : locale?.emptyText;

  return (
    <Spin spinning={busy}>
      <div className="lz-cards" data-testid={testId}>
        {dataSource.length === 0 && !busy && <div className="lz-cards-empty">{emptyText ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</div>}
        {dataSource.map((record, index) => {
          const row = onRow?.(record, index);
          const key = keyOf(record, index);
          return (
            // The row's own attributes (click handler, style, test id) go on its card.
            <div {...(row as HTMLAttributes<HTMLDivElement> | undefined)} key={key} className="lz-card" data-row-key={String(key)}>
              {head && <div className="lz-card-title">{cell(head, record, index)}</div>}
              <dl className="lz-card-fields">
                {rest.map((column, i) => (
                  <div key={column.key ?? i} className="lz-card-field">
                    <dt>{typeof column.title === 'function' ? null : column.title}</dt>
                    <dd>{cell(column, record, index)}</dd>
                  </div>
                ))}
              </dl>
              {expandable?.expandedRowRender && (expandable.rowExpandable?.(record) ?? true) && <Expand>{expandable.expandedRowRender(record, index, 0, true)}</Expand>}
            </div>
          );
        })}
      </div>
      {pagination && (pagination.total ?? dataSource.length) > (pagination.pageSize ?? 10) && (
        <Pagination
          className="lz-cards-pagination"
          size="small"
          align="center"
          current={pagination.current}
          pageSize={pagination.pageSize}
          total={pagination.total}
          showTotal={pagination.showTotal}
          onChange={pagination.onChange}
        />
      )}
    </Spin>
  );
}

/** What a column shows for a record: its render, else the value at its dataIndex. */
function cell<T>(column: ColumnType<T>, record: T, index: number): ReactNode {
  // dataIndex is typed as every deep path into T (costly for the compiler to narrow); it holds plain keys.
  const dataIndex: unknown = column.dataIndex;
  const path: unknown[] = dataIndex === undefined ? [] : Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  const value = path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[String(k)], record);
  if (!column.render) return plain(value);
  const shown = column.render(value, record, index);
  // A render may answer { children, props } to span cells; a card has no cells to span.
  return isRenderedCell(shown) ? shown.children : shown;
}

/** A value without a render, as Ant Design's table would print it. */
function plain(value: unknown): ReactNode {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function isRenderedCell(value: unknown): value is { children?: ReactNode } {
  return typeof value === 'object' && value !== null && !isValidElement(value) && !Array.isArray(value) && 'children' in value;
}

/** An expandable row's details, behind a button so the list stays short. */
function Expand({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="lz-card-expand" onClick={(e) => e.stopPropagation()}>
      <Button size="small" type="link" onClick={() => setOpen(!open)} data-testid="card-expand">
        {open ? t('common.collapse') : t('common.expand')}
      </Button>
      {open && children}
    </div>
  );
}
