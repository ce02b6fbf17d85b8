import { describe, expect, it } from 'vitest';
import { positionalParameters } from '../../src/sources/postgres.js';
import { SourceError } from '../../src/sources/source.js';

describe('the parameters of a PostgreSQL query', () => {
  it('become $1, $2 ... in the order they first appear, once each, and only those used', () => {
    expect(positionalParameters("select team, sum(amount) as value from orders where ordered_at between $start and $end and to_char(ordered_at, 'YYYY-MM') = $month or $start is null group by team")).toEqual({
      text: "select team, sum(amount) as value from orders where ordered_at between $1 and $2 and to_char(ordered_at, 'YYYY-MM') = $3 or $1 is null group by team",
      order: ['start', 'end', 'month'],
    });
    expect(positionalParameters('select team, count(*) as value from t where m = $month::text group by team')).toEqual({
      text: 'select team, count(*) as value from t where m = $1::text group by team',
      order: ['month'],
    });
    expect(positionalParameters('select 1 as value')).toEqual({ text: 'select 1 as value', order: [] });
  });

  it('leave strings, quoted names, dollar-quoted strings, comments and identifiers with $ as they are', () => {
    const sql = [
      "select 'costs $month' as a, 'it''s $start' as b, E'\\' $end' as c, \"col$month\" as d, \"say \"\"$end\"\"\" as e,",
      '$$ $month $$ as f, $tag$ $start $x $tag$ as g, price$month as h -- $end in a comment',
      '/* $month /* nested $start */ still $end */ from t where m = $month',
    ].join('\n');
    expect(positionalParameters(sql)).toEqual({ text: sql.replace(/= \$month$/, '= $1'), order: ['month'] });
  });

  it('refuse a parameter that goalpost does not bind', () => {
    expect(() => positionalParameters('select * from t where region = $region')).toThrow(new SourceError('it uses the parameter $region; the parameters are $month, $start and $end.'));
    expect(() => positionalParameters('select * from t where m = $1')).toThrow(new SourceError('it uses the parameter $1; write $month, $start or $end, which goalpost binds by name.'));
  });
});
