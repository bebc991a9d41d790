export const LOADER_ERROR_KEY = "nr_loader_error";
export function loaderErrorOutput(error, loader, month) {
  return JSON.stringify({ [LOADER_ERROR_KEY]: error, loader, month });
}
export function isLoaderErrorOutput(head) {
  return head.startsWith(`{"${LOADER_ERROR_KEY}":`);
}
