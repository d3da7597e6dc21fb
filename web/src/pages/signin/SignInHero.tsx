import { useTranslation } from 'react-i18next';

/** The left half of the sign-in page: what this is, for whom, in the system's own words. */
export function SignInHero() {
  const { t } = useTranslation();
  return (
    <div className="lz-signin-hero">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, position: 'relative' }}>
        <img src="/favicon.svg" alt="" width={40} height={40} />
        <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>Linzhang · {t('app.shortName')}</span>
      </div>
      <div style={{ position: 'relative' }}>
        <h1>{t('app.name')}</h1>
        <p>{t('signin.heroLine')}</p>
        <p style={{ marginTop: 16, fontSize: 20, letterSpacing: 4, opacity: 1 }}>{t('signin.motto')}</p>
      </div>
      <div style={{ position: 'relative', fontSize: 13, opacity: 0.7 }}>{t('signin.heroFooter')}</div>
      <svg className="lz-signin-ridge" viewBox="0 0 800 300" preserveAspectRatio="none" aria-hidden="true">
        <path d="M0 300 L0 190 L90 120 L160 170 L260 70 L350 150 L430 100 L520 170 L610 90 L700 150 L800 110 L800 300 Z" fill="#0f2a16" />
        <path d="M0 300 L0 240 L120 180 L220 230 L330 160 L460 230 L560 190 L680 240 L800 200 L800 300 Z" fill="#0a1f10" />
      </svg>
    </div>
  );
}
