import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import type { Person } from '../../app/api-types.ts';
import { PersonAvatar } from './PersonAvatar.tsx';
import { useUploadPhoto } from './queries.ts';

const MAX_BYTES = 5 * 1024 * 1024;

/** The person's photo, and for those who may edit people, a way to replace it (JPEG or PNG, ≤ 5 MB). */
export function PersonPhoto({ person, canUpload }: { person: Person; canUpload: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadPhoto(person.id);

  return (
    <Space orientation="vertical" align="center" size={8}>
      <PersonAvatar person={person} size={112} />
      {canUpload && (
        <Upload
          accept="image/jpeg,image/png"
          showUploadList={false}
          beforeUpload={(file) => {
            if (!['image/jpeg', 'image/png'].includes(file.type)) {
              message.error(t('people.photoType'));
              return Upload.LIST_IGNORE;
            }
            if (file.size > MAX_BYTES) {
              message.error(t('people.photoTooLarge'));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            upload.mutate(file as File, {
              onSuccess: (result) => {
                message.success(t('people.photoSaved'));
                onSuccess?.(result);
              },
              onError: (error) => {
                message.error(errorMessage(error));
                onError?.(error);
              },
            });
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid="photo-upload">
            {person.hasPhoto ? t('people.replacePhoto') : t('people.uploadPhoto')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}
