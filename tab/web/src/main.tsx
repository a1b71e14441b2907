import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detecteerOmgeving } from './omgeving';

/** Entry: detect Teams (or standalone), then render the page for `location.pathname`. */
void detecteerOmgeving(window.location.search).then((omgeving) => {
  createRoot(document.getElementById('root')!).render(<App omgeving={omgeving} pad={window.location.pathname} search={window.location.search} />);
});
