// The back office's root path as the browser sees it (/admin, or wherever a proxy mounts it), for the
// addresses our components call: everything before /resources/ (or /pages/) in the page's own address.
export const adminRoot = (): string => window.location.pathname.split(/\/(?:resources|pages)\//)[0] ?? '';
