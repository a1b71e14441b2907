import { GraphFake } from '../support/graph-fake';
import { fakeStore, provisionFake } from '../support/graph-store';
import { runListStoreContract } from './list-store.contract';

const fake = new GraphFake();
beforeAll(() => fake.listen());
afterAll(() => fake.close());

runListStoreContract('GraphListStore on the Graph fake', async () => {
  fake.reset();
  await provisionFake(fake);
  return fakeStore();
});
