// The cold-start baseline: the smallest React page, built and served like the app.
import { createElement, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

const Ready = () => {
  useEffect(() => {
    requestAnimationFrame(() => document.body.setAttribute('data-ready', '1'));
  }, []);
  return createElement('p', null, 'ready');
};

createRoot(document.getElementById('root')!).render(createElement(Ready));
