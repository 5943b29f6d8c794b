// Saving the mapping as a file (the same format `ladder import --mapping` reads) and applying a
// saved one, so a weekly export is mapped once.
import { useRef } from 'react';
import { mappingSpec, normalizeMappingFile, planToMapping } from '#shared/import/mapping';
import { useImportStore } from './import-store';
import { messageOf } from '#shared/error-message';
import { describeIssues, zodIssues } from '#shared/issues';

export function MappingFiles() {
  const { analysis, applyMapping } = useImportStore();
  const input = useRef<HTMLInputElement>(null);
  const setError = (error: string) => useImportStore.setState({ error });
  if (!analysis) return null;
  const save = () => {
    const spec = planToMapping(analysis.plan, analysis.source.sheet ? { sheet: analysis.source.sheet } : {});
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(spec, null, 2)}\n`], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${analysis.source.fileName.replace(/\.[^.]+$/, '')}.mapping.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const load = async (file: File) => {
    try {
      const parsed = mappingSpec.safeParse(normalizeMappingFile(JSON.parse(await file.text())));
      if (!parsed.success) {
        return setError(`${file.name} is not a Ladder mapping: ${describeIssues(zodIssues(parsed.error), 1)}.`);
      }
      applyMapping(parsed.data);
    } catch (error) {
      setError(`${file.name} is not valid JSON (${messageOf(error)}).`);
    }
  };
  return (
    <>
      <button onClick={() => input.current?.click()} title="Apply a mapping saved earlier">
        Load mapping…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".json"
        data-testid="mapping-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void load(file);
        }}
      />
      <button
        onClick={save}
        title="Download this mapping; ladder import --mapping reads it too"
        data-testid="save-mapping"
      >
        Save mapping
      </button>
    </>
  );
}
