// Technicians work on phones (390 px wide): AdminJS's notices carry an inline 480 px minimum width, which
// widens every page a notice appears on (after "Iniciar", "Completar"). One small stylesheet, added once
// when the bundle loads, lets them fit the screen. (The CSP allows inline styles, for styled-components.)
const PHONE_CSS = `
[data-css="notice-wrapper"] > * { min-width: 0 !important; max-width: 100%; }
`;

if (typeof document !== 'undefined' && !document.getElementById('cmms-phone-layout')) {
  const style = document.createElement('style');
  style.id = 'cmms-phone-layout';
  style.textContent = PHONE_CSS;
  document.head.appendChild(style);
}

// Registered as a component so the bundle loads this module on every page.
const PhoneLayout = () => null;
export default PhoneLayout;
