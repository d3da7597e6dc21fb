import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, isApiError } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { BlockSpin, EmptyState, ErrorResult } from '../../app/feedback.tsx';
import { formatNumber } from '../../app/numbers.tsx';
import { downloadCodeTables, useCodeTables, useUploadCodeTables } from './queries.ts';
import type { CodeDomain, CodeEntry, CodeTableLineError, CodeTablesUploaded } from './types.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

const KNOWN_FLAGS = ['forest_land', 'forest', 'natural', 'public_welfare', 'national'] as const;
const FLAG_COLOURS: Record<string, string> = { forest_land: 'green', forest: 'cyan', natural: 'lime', public_welfare: 'blue', national: 'gold' };

/**
 * The server's label is "地类；flags: forest_land 计入林地面积…" or "重点区域类型（代码固定，只能改…）":
 * a name, then a remark on the flags or on what may change. A short parenthesis ("优势树种（组）")
 * is part of the name.
 */
function splitLabel(domain: CodeDomain): { name: string; about: string | null } {
  if (!domain.label) return { name: domain.domain, about: null };
  const [head = '', ...rest] = domain.label.split('；');
  const remark = /^(.+?)（([^）]*，[^）]*)）$/.exec(head);
  const name = remark ? remark[1]! : head;
  const about = [remark?.[2], ...rest.map((r) => r.replace(/^flags:\s*/, ''))].filter(Boolean).join('；');
  return { name: name.trim() || domain.domain, about: about || null };
}

type UploadOutcome = { ok: true; result: CodeTablesUploaded } | { ok: false; message: string; lines: CodeTableLineError[] } | null;

/**
 * 代码表: the names of coded values and the flags that decide which codes count in the resource
 * lists. An office downloads the file, edits it (Excel saves GBK or UTF-8; both are read) and
 * uploads it; every wrong line comes back with its line number.
 */
export function CodeTablesView() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const tables = useCodeTables();
  const upload = useUploadCodeTables();
  const [selected, setSelected] = useState<string | undefined>();
  const [downloading, setDownloading] = useState(false);
  const [outcome, setOutcome] = useState<UploadOutcome>(null);

  const flagName = (flag: string) => ((KNOWN_FLAGS as readonly string[]).includes(flag) ? t(`land.flags.${flag as (typeof KNOWN_FLAGS)[number]}`) : flag);
  const domainName = (d: CodeDomain) => splitLabel(d).name;

  const onDownload = async () => {
    setDownloading(true);
    try {
      const name = await downloadCodeTables(t('land.codes.fileName'));
      message.success(t('land.downloading', { name }));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setDownloading(false);
    }
  };

  const onUpload = async (file: File) => {
    setOutcome(null);
    try {
      const result = await upload.mutateAsync(file);
      setOutcome({ ok: true, result });
      message.success(t('land.codes.uploaded'));
    } catch (error) {
      const lines = isApiError(error, 'code_table_invalid') && Array.isArray(error.details.errors) ? (error.details.errors as CodeTableLineError[]) : [];
      setOutcome({ ok: false, message: errorMessage(error), lines });
    }
  };

  if (tables.isPending) return <BlockSpin minHeight={240} />;
  if (tables.isError) return <ErrorResult error={tables.error} onRetry={() => void tables.refetch()} />;
  const domains = tables.data;
  const current = domains.find((d) => d.domain === selected) ?? domains[0];
  const label = current ? splitLabel(current) : null;
  const nameOf = (domain: string) => {
    const found = domains.find((d) => d.domain === domain);
    return found ? domainName(found) : domain;
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="code-tables">
      <Card>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between' }}>
          <div style={{ maxWidth: 720 }}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{t('land.codes.intro')}</Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {can('land.write') ? t('land.codes.howTo') : t('land.codes.readOnly')}
            </Typography.Text>
          </div>
          <Space wrap>
            <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void onDownload()} data-testid="codes-download">
              {t('land.codes.download')}
            </Button>
            {can('land.write') && (
              <Upload
                accept=".csv,text/csv"
                showUploadList={false}
                maxCount={1}
                beforeUpload={(file) => {
                  void onUpload(file);
                  return false;
                }}
              >
                <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="codes-upload">
                  {t('land.codes.upload')}
                </Button>
              </Upload>
            )}
          </Space>
        </div>
        {outcome?.ok === true && (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: () => setOutcome(null) }}
            style={{ marginTop: 16 }}
            title={t('land.codes.uploadedTitle', { count: outcome.result.domains.length })}
            description={outcome.result.domains.map((d) => t('land.codes.uploadedDomain', { name: nameOf(d.domain), count: d.count })).join('；')}
            data-testid="codes-upload-ok"
          />
        )}
        {outcome?.ok === false && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setOutcome(null) }}
            style={{ marginTop: 16 }}
            title={outcome.lines.length > 0 ? t('land.codes.uploadRefusedLines', { count: outcome.lines.length }) : outcome.message}
            description={
              outcome.lines.length > 0 ? (
                <>
                  <ul className="lz-upload-errors" data-testid="codes-upload-lines">
                    {outcome.lines.map((line) => (
                      <li key={`${line.line}-${line.message}`} data-testid="codes-upload-line">
                        {line.message}
                      </li>
                    ))}
                  </ul>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('land.codes.nothingChanged')}
                  </Typography.Text>
                </>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('land.codes.nothingChanged')}
                </Typography.Text>
              )
            }
            data-testid="codes-upload-error"
          />
        )}
      </Card>
      {domains.length === 0 || !current ? (
        <Card>
          <EmptyState description={t('land.codes.empty')} />
        </Card>
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={8} xl={6}>
            <Card title={t('land.codes.domains')} styles={{ body: { padding: 8 } }} style={{ marginBottom: 16 }}>
              <nav className="lz-domain-list">
                {domains.map((d) => (
                  <button
                    key={d.domain}
                    type="button"
                    className={d.domain === current.domain ? 'lz-domain-item is-selected' : 'lz-domain-item'}
                    onClick={() => setSelected(d.domain)}
                    data-testid={`code-domain-${d.domain}`}
                  >
                    <span>
                      {domainName(d)}
                      <div className="lz-domain-code">{d.domain}</div>
                    </span>
                    <Tag style={{ marginInlineEnd: 0 }}>{formatNumber(d.entries.length)}</Tag>
                  </button>
                ))}
              </nav>
            </Card>
          </Col>
          <Col xs={24} md={16} xl={18}>
            <Card
              title={
                <Space size={8}>
                  {label?.name}
                  <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
                    {current.domain}
                  </Typography.Text>
                </Space>
              }
            >
              {label?.about && <Alert type="info" className="lz-notice" showIcon style={{ marginBottom: 12 }} title={t('land.codes.flagsAbout', { text: label.about })} />}
              <ResponsiveTable<CodeEntry>
                size="small"
                rowKey="code"
                dataSource={current.entries}
                pagination={false}
                data-testid="code-entries"
                columns={[
                  { title: t('land.codes.code'), dataIndex: 'code', width: 110, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
                  { title: t('land.codes.name'), dataIndex: 'name' },
                  {
                    title: t('land.codes.flags'),
                    dataIndex: 'flags',
                    render: (flags: string[]) =>
                      flags.length === 0 ? (
                        <Typography.Text type="secondary">—</Typography.Text>
                      ) : (
                        <Space size={[4, 4]} wrap>
                          {flags.map((f) => (
                            <Tag key={f} color={FLAG_COLOURS[f]} title={f}>
                              {flagName(f)}
                            </Tag>
                          ))}
                        </Space>
                      ),
                  },
                  { title: t('land.codes.sort'), dataIndex: 'sort', width: 80, align: 'right' },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
