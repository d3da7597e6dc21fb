import { CloudUploadOutlined, DeleteOutlined, FileOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Form, Radio, Skeleton, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { useCan, useMe } from '../../app/auth.tsx';
import { ErrorResult } from '../../app/feedback.tsx';
import { formatNumber } from '../../app/numbers.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { formatSize } from './format.ts';
import { useTargets, useUpload, useUploadLimits } from './queries.ts';
import type { ImportJob, ImportTarget } from './types.ts';

/**
 * ① What to import, where, and the file. The file is checked by the server as it arrives; what it
 * cannot read (a broken zip, a missing .shp or .dbf, a format it does not know, too large) is said
 * here, under the file, in the server's words.
 */
export function ChooseStep({ onUploaded }: { onUploaded: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const targets = useTargets();
  const limits = useUploadLimits();
  const upload = useUpload();
  const [target, setTarget] = useState<ImportTarget>();
  const [regionCode, setRegionCode] = useState<string | undefined>(me.scope[0]?.code);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  if (targets.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (targets.isError) return <ErrorResult error={targets.error} onRetry={() => void targets.refetch()} compact />;

  const writable = targets.data.filter((info) => can(info.permission));
  if (writable.length === 0) return <Empty description={t('imports.choose.noTargets')} />;
  const chosen = writable.find((info) => info.target === target) ?? writable[0]!;

  const choose = (next: File) => {
    setFile(next);
    setTried(false);
    setError(limits.data && next.size > limits.data.bytes ? t('imports.choose.tooLarge', { size: formatSize(next.size), limit: limits.data.sizeText }) : null);
  };

  const submit = async () => {
    setTried(true);
    if (!file || !regionCode) return;
    if (limits.data && file.size > limits.data.bytes) return;
    setError(null);
    try {
      onUploaded(await upload.mutateAsync({ target: chosen.target, regionCode, file }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Form layout="vertical" className="lz-import-choose" data-testid="import-choose" requiredMark>
      <Form.Item label={t('imports.choose.what')} required>
        <Radio.Group value={chosen.target} onChange={(e) => setTarget(e.target.value as ImportTarget)} className="lz-import-targets">
          {writable.map((info) => (
            <Radio key={info.target} value={info.target} className="lz-import-target">
              <span className="lz-import-target-name" data-testid={`import-target-${info.target}`}>
                {t(`imports.targets.${info.target}.name`)}
                <Tag className="lz-import-target-shape">{t(`imports.shapes.${info.shape}`)}</Tag>
              </span>
              <span className="lz-import-target-hint">{t(`imports.targets.${info.target}.hint`)}</span>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>

      <Form.Item
        label={t('imports.choose.where')}
        required
        extra={t('imports.choose.whereHint')}
        validateStatus={tried && !regionCode ? 'error' : undefined}
        help={tried && !regionCode ? t('imports.choose.whereRequired') : undefined}
      >
        <RegionTreeSelect value={regionCode} onChange={setRegionCode} placeholder={t('imports.choose.pickRegion')} style={{ width: 320 }} data-testid="import-region" />
      </Form.Item>

      <Form.Item label={t('imports.choose.file')} required validateStatus={tried && !file ? 'error' : undefined} help={tried && !file ? t('imports.choose.fileRequired') : undefined}>
        <div data-testid="import-file">
          <Upload.Dragger multiple={false} showUploadList={false} beforeUpload={(next) => {
              choose(next);
              return false; // kept here until 上传并检查: the target and region go with it
            }} disabled={upload.isPending}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.choose.drop')}</p>
            <p className="ant-upload-hint">{t('imports.choose.formats')}</p>
            <p className="ant-upload-hint" data-testid="import-limits">
              {limits.data
                ? t('imports.choose.limits', { size: limits.data.sizeText, features: formatNumber(limits.data.features) })
                : t('imports.choose.shapefileParts')}
            </p>
          </Upload.Dragger>
        </div>
        {file && (
          <div className="lz-import-chosen" data-testid="import-chosen">
            <FileOutlined />
            <Typography.Text strong>{file.name}</Typography.Text>
            <Typography.Text type="secondary">{formatSize(file.size)}</Typography.Text>
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('imports.choose.remove')}
              disabled={upload.isPending}
              onClick={() => {
                setFile(null);
                setError(null);
              }}
            />
          </div>
        )}
        {error && <Alert type="error" showIcon title={t('imports.choose.refused')} description={error} className="lz-import-upload-error" data-testid="import-upload-error" />}
      </Form.Item>

      <div className="lz-import-actions">
        <Button type="primary" size="large" icon={<CloudUploadOutlined />} loading={upload.isPending} onClick={() => void submit()} data-testid="import-upload">
          {upload.isPending ? t('imports.choose.uploading') : t('imports.choose.upload')}
        </Button>
        <Typography.Text type="secondary">{t('imports.choose.nothingYet')}</Typography.Text>
      </div>
    </Form>
  );
}
