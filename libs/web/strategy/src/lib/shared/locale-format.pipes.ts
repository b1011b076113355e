import { Pipe, type PipeTransform } from '@angular/core';

/** A number written the language's way: 12.5 in English, 12,5 in Norwegian; at most `decimals` decimals. */
@Pipe({ name: 'localNumber' })
export class LocalNumberPipe implements PipeTransform {
  transform(value: number | null | undefined, language: string, decimals = 1): string {
    return value == null ? '' : new Intl.NumberFormat(language, { maximumFractionDigits: decimals }).format(value);
  }
}

/** Names joined the language's way: "Facebook, Instagram and LinkedIn", "Facebook, Instagram og LinkedIn". */
@Pipe({ name: 'nameList' })
export class NameListPipe implements PipeTransform {
  transform(names: readonly string[], language: string): string {
    return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names);
  }
}
