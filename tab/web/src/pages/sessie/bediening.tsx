import { useEffect, useState, type RefObject } from 'react';
import { Button } from '@fluentui/react-components';
import { formatTimer } from '@shared/domain/dilemmasessie';
import { useTab } from '../../context';
import { useSessieStyles } from './stijlen';

/** A countdown of `minuten`, started and paused by the facilitator; announces when time is up. */
export function Timer({ minuten, sleutel }: { minuten: number; sleutel: string }) {
  const s = useSessieStyles();
  const { t } = useTab();
  const [rest, setRest] = useState(minuten * 60);
  const [loopt, setLoopt] = useState(false);
  useEffect(() => {
    setRest(minuten * 60);
    setLoopt(false);
  }, [minuten, sleutel]);
  useEffect(() => {
    if (!loopt) return;
    const id = setInterval(() => setRest((r) => (r <= 1 ? (setLoopt(false), 0) : r - 1)), 1000);
    return () => clearInterval(id);
  }, [loopt]);
  return (
    <div className={s.rij}>
      <span className={s.timer} role="timer" aria-label={t('sessie.timerLabel', { tijd: formatTimer(rest) })}>
        {formatTimer(rest)}
      </span>
      <Button onClick={() => setLoopt(!loopt)} disabled={rest === 0}>
        {loopt ? t('sessie.pauze') : t('sessie.startTimer')}
      </Button>
      <Button onClick={() => (setRest(minuten * 60), setLoopt(false))}>{t('sessie.herstart')}</Button>
      <span role="status">{rest === 0 ? t('sessie.tijdOm') : ''}</span>
    </div>
  );
}

/** Full-screen toggle for the presentation view (projector). */
export function VolledigScherm({ doel }: { doel: RefObject<HTMLDivElement | null> }) {
  const { t } = useTab();
  const [aan, setAan] = useState(false);
  useEffect(() => {
    const wissel = () => setAan(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', wissel);
    return () => document.removeEventListener('fullscreenchange', wissel);
  }, []);
  if (!document.fullscreenEnabled) return null;
  return (
    <Button
      appearance="subtle"
      onClick={() => {
        if (document.fullscreenElement) void document.exitFullscreen();
        else void doel.current?.requestFullscreen();
      }}
    >
      {aan ? t('sessie.vensterScherm') : t('sessie.volledigScherm')}
    </Button>
  );
}
