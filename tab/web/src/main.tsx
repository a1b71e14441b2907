import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detecteerOmgeving } from './omgeving';
import { eindToestemming, startToestemming } from './toestemming';

/** Entry: the consent pop-up pages (toestemming.ts), or detect Teams (or standalone) and render the page for `location.pathname`. */
if (window.location.pathname === '/auth/start') void startToestemming();
else if (window.location.pathname === '/auth/end') void eindToestemming();
else {
  void detecteerOmgeving(window.location.search).then((omgeving) => {
    createRoot(document.getElementById('root')!).render(<App omgeving={omgeving} pad={window.location.pathname} search={window.location.search} />);
  });
}
