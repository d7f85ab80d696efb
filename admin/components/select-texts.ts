// What every drop-down says in the user's language instead of react-select's "Select..." and
// "No options".
import { useTranslation } from 'adminjs';

export function useSelectTexts() {
  const { tm } = useTranslation();
  return {
    placeholder: tm('selectPlaceholder'),
    noOptionsMessage: ({ inputValue }: { inputValue: string }) => tm(inputValue ? 'selectNoMatches' : 'selectNoOptions'),
    loadingMessage: () => tm('formLoading'),
  };
}
