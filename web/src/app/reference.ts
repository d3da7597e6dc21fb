import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';

/** 职务类型: reference data every signed-in user may read; it changes only with a migration. */
export function usePostTypes() {
  return useQuery({ queryKey: ['post-types'], queryFn: () => api.get('/api/post-types'), staleTime: Infinity });
}

/** A post type's name in the interface language; the server's Chinese name until the list arrives. */
export function usePostTypeName(): (code: string, fallback?: string) => string {
  const { data } = usePostTypes();
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return useCallback(
    (code: string, fallback?: string) => {
      const type = data?.find((t) => t.code === code);
      if (!type) return fallback ?? code;
      return english ? type.nameEn : type.nameZh;
    },
    [data, english],
  );
}
