import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detecteerOmgeving } from './omgeving';
import { laadThema } from './thema';
import { eindToestemming, startToestemming } from './toestemming';

/**
 * Entry: the consent pop-up pages (toestemming.ts), or detect Teams (or standalone), load its theme and render
 * the page for `location.pathname`.
 */
if (window.location.pathname === '/auth/start') void startToestemming();
else if (window.location.pathname === '/auth/end') void eindToestemming();
else {
  void detecteerOmgeving(window.location.search).then(async (omgeving) => {
    const thema = await laadThema(omgeving.thema);
    createRoot(document.getElementById('root')!).render(
      <App omgeving={omgeving} pad={window.location.pathname} search={window.location.search} thema={thema} />,
    );
  });
}
