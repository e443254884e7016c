/** The enterprise screens' exports use the console's one export button (components/export-button.tsx). */
export { ExportButton, exportFile } from '../../components/export-button.tsx';
