import { MultiCniChartProps } from '../chart';
import { layersToProps, loadValuesFiles, valuesToProps } from './values';
import { mergeValues } from './values-merge';

/**
 * The values files of `multicni synth --values …`, for code: the same reader, checks, merge and error lines,
 * so an app can take the files its users already keep (`new MultiCniChart(app, 'stack',
 * MultiCniValues.load(['cluster.yaml', 'overlay.yaml']))`).
 */
export class MultiCniValues {
  /**
   * Reads values files (YAML) and merges them left to right as helm merges repeated `--values`: mappings
   * merged key by key, recursively; lists and scalars replaced; `null` unsets a key (its default applies).
   * @throws `file: key.path: problem`, naming the file that set the key
   */
  public static load(files: string[]): MultiCniChartProps {
    return loadValuesFiles(files);
  }

  /** Parsed values (one or more documents, merged left to right as `load` merges files) to chart props. */
  public static fromData(layers: any[]): MultiCniChartProps {
    return layersToProps(layers);
  }

  /** The merge of `load`, on parsed values: the merged values, not yet checked. */
  public static merge(layers: any[]): any {
    return mergeValues(layers);
  }

  /** Parsed values of one document to chart props (as `fromData([values])`). */
  public static toProps(values: any): MultiCniChartProps {
    return valuesToProps(values);
  }

  private constructor() {}
}
